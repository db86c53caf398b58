package org.cimforge.codegen;

import com.palantir.javapoet.JavaFile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.cimforge.mof.model.CimSchema;

/** Generated code compiled and loaded, with small reflective helpers to drive it from tests. */
final class Generated {
    static final String BASE = "com.example";

    private static Generated storage;

    final List<JavaFile> files;
    final ClassLoader loader;

    private Generated(List<JavaFile> files, javax.tools.JavaFileObject... extra) {
        this.files = files;
        this.loader = Javac.compile(files, extra);
    }

    /** The storage test schema, generated under {@code com.example} and compiled once per test JVM. */
    static synchronized Generated storage() {
        if (storage == null) {
            storage = of(TestSchemas.storage(), CodegenOptions.defaults(BASE));
        }
        return storage;
    }

    static Generated of(CimSchema schema, CodegenOptions options) {
        return new Generated(CimForgeGenerator.generate(schema, options));
    }

    /** Generated code compiled together with hand-written sources that use it (compile-time checks of the API). */
    static Generated of(CimSchema schema, CodegenOptions options, javax.tools.JavaFileObject... uses) {
        return new Generated(CimForgeGenerator.generate(schema, options), uses);
    }

    /** The rendered source of one generated top-level type, e.g. {@code "tst.Disk"}. */
    String source(String type) {
        return files.stream().filter(f -> (f.packageName() + "." + f.typeSpec().name()).equals(BASE + "." + type))
                .findFirst().orElseThrow(() -> new AssertionError("no file " + type)).toString();
    }

    Class<?> type(String name) {
        try {
            return Class.forName(name.startsWith(BASE + ".") ? name : BASE + "." + name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The constant of a generated enum. */
    Object constant(String enumType, String constant) {
        for (Object c : type(enumType).getEnumConstants()) {
            if (((Enum<?>) c).name().equals(constant)) {
                return c;
            }
        }
        throw new AssertionError("no constant " + constant + " in " + enumType);
    }

    /** A new instance through a public no-argument constructor (builders). */
    Object newInstance(String type) {
        try {
            return type(type).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A new record through its canonical constructor (the generated Keys records). */
    Object newKeys(String type, Object... components) {
        try {
            return type(type).getDeclaredConstructors()[0].newInstance(components);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static Object callStatic(Class<?> type, String method, Object... args) {
        return invoke(type, null, method, args);
    }

    static Object call(Object target, String method, Object... args) {
        return invoke(target.getClass(), target, method, args);
    }

    private static Object invoke(Class<?> type, Object target, String name, Object... args) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
                try {
                    m.setAccessible(true);
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new AssertionError(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no method " + name + Arrays.toString(args) + " on " + type.getName());
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] params = m.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            if (args[i] != null && !params[i].isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }
}
