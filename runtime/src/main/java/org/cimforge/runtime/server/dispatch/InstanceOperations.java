package org.cimforge.runtime.server.dispatch;

import static org.cimforge.runtime.server.dispatch.OperationSupport.decode;
import static org.cimforge.runtime.server.dispatch.OperationSupport.invalidParameter;
import static org.cimforge.runtime.server.dispatch.PropertyFilters.filter;
import static org.cimforge.runtime.server.dispatch.PropertyFilters.stripOrigin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.cimxml.CimXmlDecoder;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.spi.CimErrorException;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The instance operations: GetInstance, EnumerateInstances / EnumerateInstanceNames (streamed), CreateInstance,
 * ModifyInstance, DeleteInstance, GetProperty and SetProperty.
 */
final class InstanceOperations {
    private final OperationSupport support;
    private final CimXmlDecoder decoder;

    InstanceOperations(OperationSupport support) {
        this.support = support;
        this.decoder = support.decoder;
    }

    Reply getInstance(OperationRequest req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        CIMInstance found = support.fetch(req, name);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = req.propertyList("PropertyList");
        CIMInstance shown = filter(found, props, null);
        return Reply.list(req, w -> w.instance(stripOrigin(shown, origin), req.namespace));
    }

    Reply enumerateInstances(OperationRequest req, boolean namesOnly) throws WBEMException {
        String name = req.className("ClassName", true);
        CimClass base = support.requireClass(req, name);
        boolean deep = req.bool("DeepInheritance", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = namesOnly ? null : req.propertyList("PropertyList");
        CimClass limit = deep ? null : base;
        InstanceSource source = support.collect(req, base, namesOnly);
        return Reply.streamed(req, source, (w, i) -> {
            if (namesOnly) {
                w.instanceName(i.getObjectPath());
            } else {
                w.stax().writeStartElement("VALUE.NAMEDINSTANCE");
                w.instanceName(i.getObjectPath());
                w.instance(stripOrigin(filter(i, props, limit), origin), req.namespace);
                w.stax().writeEndElement();
            }
        });
    }

    Reply createInstance(OperationRequest req) throws WBEMException {
        XmlNode node = req.param("NewInstance");
        if (node == null || !node.name().equals("INSTANCE")) {
            throw invalidParameter("NewInstance must be an INSTANCE");
        }
        CIMInstance instance = decode(() -> decoder.instance(node, req.namespace));
        new LocalReferences(support.repository).checkInstance(instance, "NewInstance", req);
        CimClass c = support.requireClass(req, instance.getClassName());
        CIMObjectPath created = support.requireProvider(req, c).createInstance(req.context, instance);
        if (created == null) {
            created = support.complete(req, instance).getObjectPath();
        }
        CIMObjectPath path = created;
        return Reply.list(req, w -> w.instanceName(path));
    }

    Reply modifyInstance(OperationRequest req) throws WBEMException {
        XmlNode node = req.param("ModifiedInstance");
        if (node == null || !node.name().equals("VALUE.NAMEDINSTANCE")) {
            throw invalidParameter("ModifiedInstance must be a VALUE.NAMEDINSTANCE");
        }
        CIMInstance instance = decode(() -> decoder.namedInstance(node, req.namespace));
        new LocalReferences(support.repository).checkInstance(instance, "ModifiedInstance", req);
        CimClass c = support.requireClass(req, instance.getClassName());
        Set<String> props = req.propertyList("PropertyList");
        String[] list = null;
        if (props != null) {
            // The provider gets the names as the client spelled them, not the lower-cased set.
            XmlNode arr = req.param("PropertyList");
            List<String> names = new ArrayList<>();
            for (XmlNode e : arr.children()) {
                names.add(e.text().trim());
            }
            list = names.toArray(new String[0]);
        }
        support.requireProvider(req, c).modifyInstance(req.context, instance, list);
        return Reply.empty(req);
    }

    Reply deleteInstance(OperationRequest req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        CimClass c = support.requireClass(req, name.getObjectName());
        support.requireProvider(req, c).deleteInstance(req.context, name);
        return Reply.empty(req);
    }

    Reply getProperty(OperationRequest req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        String property = req.string("PropertyName");
        if (property == null) {
            throw invalidParameter("PropertyName is required");
        }
        CimClass c = support.requireClass(req, name.getObjectName());
        if (c.property(property).isEmpty()) {
            throw new CimErrorException(WBEMException.CIM_ERR_NO_SUCH_PROPERTY, "no property " + property);
        }
        CIMInstance found = support.fetch(req, name);
        CIMProperty<?> p = found.getProperty(property);
        Object value = p == null ? null : p.getValue();
        if (value == null) {
            return Reply.empty(req);
        }
        return Reply.list(req, w -> w.value(value, req.namespace));
    }

    Reply setProperty(OperationRequest req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        String property = req.string("PropertyName");
        if (property == null) {
            throw invalidParameter("PropertyName is required");
        }
        CimClass c = support.requireClass(req, name.getObjectName());
        CIMDataType type = support.repository.propertyType(req.namespace, c.name().spelling(), property);
        if (type == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NO_SUCH_PROPERTY, "no property " + property);
        }
        XmlNode v = req.param("NewValue");
        Object value = null;
        if (v != null) {
            value = decode(() -> v.name().equals("VALUE.REFERENCE") ? decoder.objectPath(v, req.namespace)
                    : decoder.value(v, type.getType(), property, req.namespace));
            new LocalReferences(support.repository).checkValue(value, "NewValue", req);
        }
        CIMInstance change = new CIMInstance(name, new CIMProperty<?>[] {
            new CIMProperty<>(property, type, value)});
        support.requireProvider(req, c).modifyInstance(req.context, change, new String[] {property});
        return Reply.empty(req);
    }
}
