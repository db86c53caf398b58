// Drives the provider that init wrote, once packaged and started with java -jar, with the SBLIM CIM client
// (org.metricshub:wbem-java, inside the runnable jar). Run as a single-file program:
//   java -cp target/acme-provider.jar ClientDriver.java PORT USER PASSWORD NAMESPACE
// Prints one line per check and exits 1 at the first failure, naming it.
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

public class ClientDriver {
    static String ns;

    public static void main(String[] args) throws Exception {
        ns = args[3];
        WBEMClient client = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(args[1]));
        subject.getPrivateCredentials().add(new PasswordCredential(args[2]));
        client.initialize(new CIMObjectPath("http", "127.0.0.1", args[0], null, null, null), subject,
                new Locale[] {Locale.US});
        try {
            run(client);
        } catch (AssertionError | WBEMException e) {
            System.out.println("FAILED: " + e);
            System.exit(1);
        } finally {
            client.close();
        }
        System.out.println("ALL CHECKS PASSED");
    }

    static void run(WBEMClient client) throws Exception {
        // Classes: the vendor's, and the schema classes they needed (found on the search path when init ran).
        check(client.getClass(path("ACME_Volume"), false, true, false, null).getSuperClassName()
                .equals("CIM_StorageVolume"), "GetClass ACME_Volume, superclass CIM_StorageVolume");
        check(client.getClass(path("CIM_SystemDevice"), false, true, false, null) != null, "GetClass CIM_SystemDevice");
        expectError(() -> client.getClass(path("CIM_Fan"), false, true, false, null), WBEMException.CIM_ERR_NOT_FOUND,
                "GetClass CIM_Fan (in the schema folder, not needed by the MOF)");

        // The MOF's instances, served from the store.
        List<CIMInstance> volumes = drain(client.enumerateInstances(path("ACME_Volume"), true, false, false, null));
        check(volumes.size() == 2, "EnumerateInstances ACME_Volume: the 2 MOF instances, got " + volumes.size());
        CIMInstance data = client.getInstance(volume("vol-data"), false, false, null);
        check(new UnsignedInteger64("2048").equals(data.getPropertyValue("NumberOfBlocks")), "GetInstance vol-data");
        check(drain(client.enumerateInstances(path("CIM_StorageVolume"), true, false, false, null)).size() == 2,
                "EnumerateInstances of the schema superclass CIM_StorageVolume reaches ACME_Volume");

        // CRUD through the starter provider.
        CIMInstance fresh = new CIMInstance(volume("vol-new"), new CIMProperty<?>[] {
            key("SystemCreationClassName", "ACME_ArraySystem"), key("SystemName", "array-1"),
            key("CreationClassName", "ACME_Volume"), key("DeviceID", "vol-new"),
            new CIMProperty<>("Tier", CIMDataType.UINT16_T, new UnsignedInteger16(1)),
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "new")});
        CIMObjectPath made = client.createInstance(fresh);
        check("vol-new".equals(made.getKeyValue("DeviceID")), "CreateInstance vol-new");
        expectError(() -> client.createInstance(fresh), WBEMException.CIM_ERR_ALREADY_EXISTS, "CreateInstance again");
        CIMInstance changed = new CIMInstance(volume("vol-new"), new CIMProperty<?>[] {
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "renamed"),
            new CIMProperty<>("Tier", CIMDataType.UINT16_T, new UnsignedInteger16(0))});
        client.modifyInstance(changed, new String[] {"ElementName"});
        CIMInstance read = client.getInstance(volume("vol-new"), false, false, null);
        check("renamed".equals(read.getPropertyValue("ElementName"))
                && new UnsignedInteger16(1).equals(read.getPropertyValue("Tier")),
                "ModifyInstance with PropertyList {ElementName} changes only ElementName");
        client.deleteInstance(volume("vol-new"));
        expectError(() -> client.getInstance(volume("vol-new"), false, false, null), WBEMException.CIM_ERR_NOT_FOUND,
                "GetInstance after DeleteInstance");
        expectError(() -> {
            client.deleteInstance(volume("vol-new"));
            return null;
        }, WBEMException.CIM_ERR_NOT_FOUND,
                "DeleteInstance again");

        // Associations: the MOF's association instances, made from aliases.
        CIMObjectPath array = path("ACME_ArraySystem", key("CreationClassName", "ACME_ArraySystem"),
                key("Name", "array-1"));
        List<CIMObjectPath> parts = drain(client.associatorNames(array, "ACME_ArrayVolume", null, null, null));
        List<Object> ids = new ArrayList<>();
        parts.forEach(p -> ids.add(p.getKeyValue("DeviceID")));
        check(parts.size() == 2 && ids.contains("vol-data") && ids.contains("vol-logs"),
                "AssociatorNames of the array: its two volumes, got " + ids);
        List<CIMInstance> rows = drain(client.referenceInstances(volume("vol-logs"), "ACME_ArrayVolume", null, false,
                null));
        check(rows.size() == 1 && "array-1".equals(((CIMObjectPath) rows.get(0).getPropertyValue("GroupComponent"))
                .getKeyValue("Name")), "References of vol-logs: one row whose GroupComponent is the array");
        List<CIMInstance> systems = drain(client.associatorInstances(volume("vol-data"), null, "ACME_ArraySystem", null,
                null, false, null));
        check(systems.size() == 1 && "3.2.1".equals(systems.get(0).getPropertyValue("Firmware")),
                "Associators of vol-data: the array with its MOF values");

        // Pull: one instance at a time.
        EnumerateResponse<CIMInstance> first = client.enumerateInstances(path("ACME_Volume"), true, false, null, null,
                null, new UnsignedInteger32(30), false, new UnsignedInteger32(1));
        List<CIMInstance> pulled = new ArrayList<>(drain(first.getResponses()));
        String context = first.getContext();
        boolean end = first.isEnd();
        for (int round = 0; !end && round < 10; round++) {
            EnumerateResponse<CIMInstance> next = client.getInstancesWithPath(path("ACME_Volume"), context,
                    new UnsignedInteger32(1));
            pulled.addAll(drain(next.getResponses()));
            end = next.isEnd();
            context = next.getContext();
        }
        check(end && pulled.size() == 2, "OpenEnumerateInstances + PullInstancesWithPath, 1 per pull: 2 instances");

        // The method whose generated body the IT replaced, as a user would: it grows the volume in the store.
        CIMArgument<?>[] out = new CIMArgument<?>[1];
        Object rc = client.invokeMethod(volume("vol-data"), "Expand", new CIMArgument<?>[] {
            new CIMArgument<>("Blocks", CIMDataType.UINT32_T, new UnsignedInteger32(100))}, out);
        check(new UnsignedInteger32(0).equals(rc), "InvokeMethod Expand returns 0 (Done), got " + rc);
        check(out[0] != null && "NewSize".equals(out[0].getName())
                && new UnsignedInteger64("2148").equals(out[0].getValue()), "Expand answers NewSize 2148");
        check(new UnsignedInteger64("2148").equals(client.getInstance(volume("vol-data"), false, false, null)
                .getPropertyValue("NumberOfBlocks")), "the store holds the new NumberOfBlocks");
        // A method init generated and nobody replaced: CIM_ERR_NOT_SUPPORTED, as its comment says.
        expectError(() -> client.invokeMethod(array, "RequestStateChange", new CIMArgument<?>[] {
            new CIMArgument<>("RequestedState", CIMDataType.UINT16_T, new UnsignedInteger16(3))},
                new CIMArgument<?>[0]), WBEMException.CIM_ERR_NOT_SUPPORTED, "RequestStateChange (not implemented)");

        // root/interop beside the namespace.
        List<CIMInstance> namespaces = drain(client.enumerateInstances(new CIMObjectPath(null, null, null,
                "root/interop", "CIM_Namespace", null), true, false, false, null));
        check(namespaces.stream().anyMatch(n -> ns.equals(n.getPropertyValue("Name"))),
                "root/interop lists CIM_Namespace " + ns);
    }

    interface Call {
        Object run() throws WBEMException;
    }

    static void expectError(Call call, int status, String what) {
        try {
            call.run();
        } catch (WBEMException e) {
            check(e.getID() == status, what + ": status " + status + " expected, got " + e.getID() + " " + e);
            return;
        }
        check(false, what + ": an error " + status + " expected, got an answer");
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
        System.out.println("ok: " + what);
    }

    static CIMProperty<String> key(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }

    static CIMObjectPath path(String className, CIMProperty<?>... keys) {
        return new CIMObjectPath(null, null, null, ns, className, keys);
    }

    static CIMObjectPath volume(String id) {
        return path("ACME_Volume", key("SystemCreationClassName", "ACME_ArraySystem"), key("SystemName", "array-1"),
                key("CreationClassName", "ACME_Volume"), key("DeviceID", id));
    }

    static <T> List<T> drain(CloseableIterator<T> it) throws WBEMException {
        List<T> all = new ArrayList<>();
        try {
            while (it.hasNext()) {
                all.add(it.next());
            }
        } finally {
            it.close();
        }
        if (it.getWBEMException() != null) {
            throw it.getWBEMException();
        }
        return all;
    }
}
