package org.cimforge.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;

/**
 * Maps MOF (files, a bundled resource such as the plugin's {@code META-INF/cimforge/schema.mof}, or an already
 * compiled schema) to served namespaces: the classes go into the class repository, the {@code instance of}
 * declarations into one {@link CimInstanceStore}, and the store is registered as the provider of every class that has
 * MOF instances and no provider of its own.
 *
 * <p>Register your own providers first: a class that already has a provider keeps it (and its MOF instances are
 * then not served). Call it before the server starts, like {@link CimClassRepository#namespace}.
 */
public final class CimNamespaces {
    private final CimClassRepository classes;
    private final CimProviderRegistry providers;
    private final CimInstanceStore store;

    /** Namespaces added to {@code classes}, served through {@code providers}, with a store of the default quota. */
    public CimNamespaces(CimClassRepository classes, CimProviderRegistry providers) {
        this(classes, providers, new CimInstanceStore(classes));
    }

    /** The same with a store of your own (a different quota, or one shared with typed providers). */
    public CimNamespaces(CimClassRepository classes, CimProviderRegistry providers, CimInstanceStore store) {
        this.classes = Objects.requireNonNull(classes, "classes");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.store = Objects.requireNonNull(store, "store");
        if (store.classes() != classes) {
            throw new IllegalArgumentException("the store must type its instances from the same class repository");
        }
    }

    /** The store holding the MOF instances of every namespace added here. */
    public CimInstanceStore store() {
        return store;
    }

    /**
     * Compiles MOF files as one compilation (their folders are the include path) and serves them as
     * {@code namespace}; a compilation error is an {@link IllegalArgumentException} listing the diagnostics.
     */
    public CimNamespaces fromMof(String namespace, Path... files) {
        Set<Path> folders = new LinkedHashSet<>();
        for (Path f : files) {
            Path parent = f.toAbsolutePath().getParent();
            if (parent != null) {
                folders.add(parent);
            }
        }
        CompilationResult result = MofCompiler.builder().includePath(new ArrayList<>(folders)).build()
                .compile(List.of(files));
        return fromSchema(namespace, checked(result, List.of(files).toString()));
    }

    /** Serves a MOF resource of the thread's context class loader (or this library's) as {@code namespace}. */
    public CimNamespaces fromResource(String namespace, String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromResource(namespace, loader != null ? loader : CimNamespaces.class.getClassLoader(), resource);
    }

    /** Serves a MOF resource of {@code loader} (for example {@code META-INF/cimforge/schema.mof}) as {@code namespace}. */
    public CimNamespaces fromResource(String namespace, ClassLoader loader, String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name + " on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return fromSchema(namespace, checked(MofCompiler.builder().build().compileText(name, text), name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /**
     * Serves a compiled schema as {@code namespace}: adds it to the class repository, loads its instances into the
     * store and registers the store for their classes. A MOF instance the store refuses (duplicate keys, a missing
     * key) is an {@link IllegalArgumentException} naming its MOF location.
     */
    public CimNamespaces fromSchema(String namespace, CimSchema schema) {
        classes.namespace(namespace, schema);
        store.loadMof(namespace);
        store.serve(providers, namespace);
        return this;
    }

    private static CimSchema checked(CompilationResult result, String what) {
        if (result.hasErrors()) {
            throw new IllegalArgumentException("MOF " + what + " does not compile:\n" + result.renderDiagnostics());
        }
        return result.schema();
    }
}
