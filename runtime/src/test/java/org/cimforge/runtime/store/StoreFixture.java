package org.cimforge.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/** The store tests' model (cimforge-server/store-model.mof) and path helpers. */
final class StoreFixture {
    static final String NS = "root/store";

    private StoreFixture() {
    }

    static CimSchema schema() {
        try (InputStream in = StoreFixture.class.getResourceAsStream("/cimforge-server/store-model.mof")) {
            CompilationResult result = MofCompiler.builder().build()
                    .compileText("store-model.mof", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (result.hasErrors()) {
                throw new IllegalStateException(result.renderDiagnostics());
            }
            return result.schema();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CIMProperty<?> key(String name, Object value) {
        return new CIMProperty<>(name, CIMDataType.getDataType(value), value, true, false, null);
    }

    static CIMProperty<?> prop(String name, Object value) {
        return new CIMProperty<>(name, value instanceof CIMObjectPath p
                ? new CIMDataType(p.getObjectName()) : CIMDataType.getDataType(value), value);
    }

    static CIMProperty<?> nullString(String name) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, null);
    }

    static CIMObjectPath path(String className, CIMProperty<?>... keys) {
        return new CIMObjectPath(null, null, null, NS, className, keys);
    }

    static CIMObjectPath disk(String id) {
        return path("STO_Disk", key("DeviceID", id));
    }

    static CIMObjectPath system() {
        return path("STO_System", key("CreationClassName", "STO_System"), key("Name", "array1"));
    }
}
