package example;

import it.sp.acme.StorageVolume;

/** Compiles only when the vendor class and the schema classes it extends were generated. */
public final class UsesVolume {
    private UsesVolume() {
    }

    public static Object tier() {
        // getDeviceID comes from CIM_LogicalDevice, found on the include path by name.
        StorageVolume volume = new StorageVolume.Builder().deviceId("v1").tier(StorageVolume.Tier.FAST).build();
        return volume.getDeviceID() + volume.getTier();
    }
}
