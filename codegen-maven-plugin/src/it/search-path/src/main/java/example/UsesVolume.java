package example;

import it.sp.acme.AcmeStorageVolume;

/** Compiles only when the vendor class and the schema classes it extends were generated. */
public final class UsesVolume {
    private UsesVolume() {
    }

    public static Object tier() {
        // getDeviceId comes from CIM_LogicalDevice, found on the include path by name.
        AcmeStorageVolume volume = new AcmeStorageVolume.Builder().deviceId("v1").tier(AcmeStorageVolume.Tier.FAST)
                .build();
        return volume.getDeviceId() + volume.getTier();
    }
}
