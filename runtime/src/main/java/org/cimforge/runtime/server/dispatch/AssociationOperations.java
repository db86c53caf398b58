package org.cimforge.runtime.server.dispatch;

import static org.cimforge.runtime.server.dispatch.OperationSupport.decode;
import static org.cimforge.runtime.server.dispatch.OperationSupport.emptyToNull;
import static org.cimforge.runtime.server.dispatch.OperationSupport.invalidParameter;
import static org.cimforge.runtime.server.dispatch.PropertyFilters.filter;
import static org.cimforge.runtime.server.dispatch.PropertyFilters.stripOrigin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.spi.CimAssociationProvider;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimErrorException;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimPaths;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Associators, AssociatorNames, References and ReferenceNames, on instance paths (through the association
 * providers) and on class paths (from the schema); the Open forms reuse {@link #results}.
 */
final class AssociationOperations {
    private final OperationSupport support;
    private final CimClassRepository repository;

    AssociationOperations(OperationSupport support) {
        this.support = support;
        this.repository = support.repository;
    }

    private record Link(CIMInstance association, CIMObjectPath target) {
    }

    Reply associators(OperationRequest req, boolean namesOnly, boolean references) throws WBEMException {
        XmlNode target = req.param("ObjectName");
        if (target != null && target.name().equals("CLASSNAME")) {
            return classAssociations(req, target.requiredAttr("NAME"), namesOnly, references);
        }
        if (target != null && target.name().equals("INSTANCENAME") && target.children().isEmpty()) {
            // The SBLIM client sends a keyless INSTANCENAME for AssociatorNames on a class path; no instance has
            // an empty key set, so this can only mean the class.
            return classAssociations(req, target.requiredAttr("CLASSNAME"), namesOnly, references);
        }
        List<Object> results = results(req, "ObjectName", namesOnly, references);
        return Reply.list(req, w -> {
            for (Object o : results) {
                if (namesOnly) {
                    w.objectPath((CIMObjectPath) o, req.namespace, false);
                } else {
                    CIMInstance i = (CIMInstance) o;
                    w.stax().writeStartElement("VALUE.OBJECTWITHPATH");
                    w.instancePath(i.getObjectPath(), req.namespace);
                    w.instance(i, req.namespace);
                    w.stax().writeEndElement();
                }
            }
        });
    }

    /** Paths (namesOnly) or filtered instances for the four association operations and their Open forms. */
    List<Object> results(OperationRequest req, String objectParam, boolean namesOnly, boolean references)
            throws WBEMException {
        CIMObjectPath object = objectName(req, objectParam);
        String role = emptyToNull(req.string("Role"));
        Set<String> props = namesOnly ? null : req.propertyList("PropertyList");
        boolean origin = !namesOnly && req.bool("IncludeClassOrigin", false);
        List<Object> out = new ArrayList<>();
        if (references) {
            String resultClass = req.className("ResultClass", false);
            if (resultClass != null) {
                support.requireClass(req, resultClass);
            }
            for (CIMInstance assoc : referencesOf(req, object, resultClass, role)) {
                out.add(namesOnly ? assoc.getObjectPath() : stripOrigin(filter(assoc, props, null), origin));
            }
            return out;
        }
        String assocClass = req.className("AssocClass", false);
        String resultClass = req.className("ResultClass", false);
        String resultRole = emptyToNull(req.string("ResultRole"));
        for (Link link : associatorLinks(req, object, assocClass, resultClass, role, resultRole)) {
            if (namesOnly) {
                CIMObjectPath t = link.target();
                out.add(t.getNamespace() == null || t.getNamespace().isEmpty()
                        ? new CIMObjectPath(null, t.getHost(), null, req.namespace, t.getObjectName(), t.getKeys())
                        : t);
            } else {
                try {
                    OperationRequest there = req.in(link.target().getNamespace());
                    out.add(stripOrigin(filter(support.fetch(there, link.target()), props, null), origin));
                } catch (CimErrorException e) {
                    // A dangling reference is skipped rather than failing the whole traversal.
                    if (e.code() != WBEMException.CIM_ERR_NOT_FOUND
                            && e.code() != WBEMException.CIM_ERR_INVALID_CLASS) {
                        throw e;
                    }
                }
            }
        }
        return out;
    }

    private CIMObjectPath objectName(OperationRequest req, String param) {
        XmlNode v = req.param(param);
        if (v == null) {
            throw invalidParameter(param + " is required");
        }
        if (v.name().equals("CLASSNAME")) {
            // Only the Open forms get here with a class: DSP0200 defines them for instances only.
            throw invalidParameter(param + " must be an INSTANCENAME");
        }
        if (!v.name().equals("INSTANCENAME")) {
            throw invalidParameter(param + " must be an INSTANCENAME");
        }
        CIMObjectPath path = decode(() -> support.decoder.instanceName(v, req.namespace, null));
        new LocalReferences(support.repository).check(path, param, req);
        return path;
    }

    /** The association instances referring to {@code object}, filtered by class and role. */
    private List<CIMInstance> referencesOf(OperationRequest req, CIMObjectPath object, String assocClass,
                                           String role) throws WBEMException {
        support.requireClass(req, object.getObjectName());
        if (assocClass != null) {
            support.requireClass(req, assocClass);
        }
        List<CIMInstance> result = new ArrayList<>();
        for (CimClass c : repository.schema(req.namespace).classes()) {
            if (!c.isAssociation() || assocClass != null && !repository.isA(req.namespace, c.name().spelling(),
                    assocClass)) {
                continue;
            }
            CimInstanceProvider p = support.providers.instanceProvider(req.namespace, c.name().spelling());
            if (p == null) {
                continue;
            }
            List<CIMInstance> found;
            if (p instanceof CimAssociationProvider ap) {
                found = ap.references(req.context, c.name().spelling(), object, role);
            } else {
                found = new ArrayList<>();
                for (CIMInstance i : p.enumerateInstances(req.context, c.name().spelling())) {
                    if (CimAssociationProvider.refersTo(i, object, role)) {
                        found.add(i);
                    }
                }
            }
            for (CIMInstance i : found) {
                result.add(support.complete(req, i));
            }
        }
        return result;
    }

    private List<Link> associatorLinks(OperationRequest req, CIMObjectPath object, String assocClass,
                                       String resultClass, String role, String resultRole) throws WBEMException {
        if (resultClass != null) {
            support.requireResultClass(req, resultClass);
        }
        List<Link> links = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (CIMInstance assoc : referencesOf(req, object, assocClass, role)) {
            for (CIMProperty<?> p : assoc.getProperties()) {
                if (!(p.getValue() instanceof CIMObjectPath target)) {
                    continue;
                }
                if (CimPaths.sameInstance(target, object)) {
                    continue;
                }
                if (resultRole != null && !resultRole.equalsIgnoreCase(p.getName())) {
                    continue;
                }
                if (resultClass != null && !repository.isA(OperationSupport.namespaceOf(req, target),
                        target.getObjectName(), resultClass)) {
                    continue;
                }
                String key = target.toString().toLowerCase(Locale.ROOT);
                if (seen.putIfAbsent(key, Boolean.TRUE) == null) {
                    links.add(new Link(assoc, target));
                }
            }
        }
        return links;
    }

    /**
     * The schema side of the association operations (ObjectName is a class): References returns the association
     * classes with a reference that can point at the class (the class is the reference's class or a subclass of
     * it); Associators returns the classes at the other ends of those associations.
     */
    private Reply classAssociations(OperationRequest req, String className, boolean namesOnly, boolean references) {
        CimClass source = support.requireClass(req, className);
        String role = emptyToNull(req.string("Role"));
        String resultRole = references ? null : emptyToNull(req.string("ResultRole"));
        String assocClass = references ? null : req.className("AssocClass", false);
        String resultClass = req.className("ResultClass", false);
        if (assocClass != null) {
            support.requireClass(req, assocClass);
        }
        if (resultClass != null) {
            support.requireClass(req, resultClass);
        }
        Map<String, CimClass> found = new LinkedHashMap<>();
        for (CimClass assoc : repository.schema(req.namespace).classes()) {
            if (!assoc.isAssociation()) {
                continue;
            }
            String assocName = assoc.name().spelling();
            String assocFilter = references ? resultClass : assocClass;
            if (assocFilter != null && !repository.isA(req.namespace, assocName, assocFilter)) {
                continue;
            }
            for (org.cimforge.mof.model.CimProperty ref : assoc.references()) {
                if (role != null && !role.equalsIgnoreCase(ref.name().spelling())) {
                    continue;
                }
                if (!repository.isA(req.namespace, source.name().spelling(),
                        ref.type().referenceClass().spelling())) {
                    continue;
                }
                if (references) {
                    found.putIfAbsent(assocName.toLowerCase(Locale.ROOT), assoc);
                    break;
                }
                for (org.cimforge.mof.model.CimProperty other : assoc.references()) {
                    if (other == ref || resultRole != null && !resultRole.equalsIgnoreCase(other.name().spelling())) {
                        continue;
                    }
                    CimClass far = repository.modelClass(req.namespace, other.type().referenceClass().spelling());
                    if (far == null || resultClass != null
                            && !repository.isA(req.namespace, far.name().spelling(), resultClass)) {
                        continue;
                    }
                    found.putIfAbsent(far.name().spelling().toLowerCase(Locale.ROOT), far);
                }
            }
        }
        boolean qualifiers = !namesOnly && req.bool("IncludeQualifiers", false);
        boolean origin = !namesOnly && req.bool("IncludeClassOrigin", false);
        Set<String> props = namesOnly ? null : req.propertyList("PropertyList");
        return Reply.list(req, w -> {
            for (CimClass c : found.values()) {
                CIMObjectPath path = new CIMObjectPath(null, null, null, req.namespace, c.name().spelling(), null);
                if (namesOnly) {
                    w.objectPath(path, req.namespace, true);
                } else {
                    w.stax().writeStartElement("VALUE.OBJECTWITHPATH");
                    w.classPath(path, req.namespace);
                    w.cimClass(repository.cimClass(req.namespace, c.name().spelling()), false, qualifiers, origin,
                            props);
                    w.stax().writeEndElement();
                }
            }
        });
    }
}
