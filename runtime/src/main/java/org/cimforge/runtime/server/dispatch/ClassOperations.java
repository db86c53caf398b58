package org.cimforge.runtime.server.dispatch;

import java.util.List;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimErrorException;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** GetClass, EnumerateClasses and EnumerateClassNames, answered from the class repository. */
final class ClassOperations {
    private final OperationSupport support;
    private final CimClassRepository repository;

    ClassOperations(OperationSupport support) {
        this.support = support;
        this.repository = support.repository;
    }

    Reply getClass(OperationRequest req) {
        String name = req.className("ClassName", true);
        CimClass model = repository.modelClass(req.namespace, name);
        if (model == null) {
            // DSP0200 gives GetClass CIM_ERR_NOT_FOUND here, unlike the operations that take a class as their scope.
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_FOUND,
                    "class " + name + " is not defined in " + req.namespace);
        }
        CIMClass c = repository.cimClass(req.namespace, model.name().spelling());
        boolean localOnly = req.bool("LocalOnly", true);
        boolean qualifiers = req.bool("IncludeQualifiers", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = req.propertyList("PropertyList");
        return Reply.list(req, w -> w.cimClass(c, localOnly, qualifiers, origin, props));
    }

    Reply enumerateClasses(OperationRequest req, boolean namesOnly) {
        String name = req.className("ClassName", false);
        boolean deep = req.bool("DeepInheritance", false);
        List<CimClass> classes;
        if (name == null) {
            classes = deep ? repository.schema(req.namespace).classes() : repository.rootClasses(req.namespace);
        } else {
            CimClass base = support.requireClass(req, name);
            String spelling = base.name().spelling();
            classes = deep ? repository.schema(req.namespace).allSubclasses(spelling)
                    : repository.schema(req.namespace).directSubclasses(spelling);
        }
        if (namesOnly) {
            return Reply.list(req, w -> {
                for (CimClass c : classes) {
                    w.className(c.name().spelling());
                }
            });
        }
        boolean localOnly = req.bool("LocalOnly", true);
        boolean qualifiers = req.bool("IncludeQualifiers", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        return Reply.list(req, w -> {
            for (CimClass c : classes) {
                w.cimClass(repository.cimClass(req.namespace, c.name().spelling()), localOnly, qualifiers, origin,
                        null);
            }
        });
    }
}
