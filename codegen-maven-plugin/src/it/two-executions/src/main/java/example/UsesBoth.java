package example;

/** Compiles only when both executions' bindings exist, each in its own package. */
public final class UsesBoth {
    private UsesBoth() {
    }

    public static Object[] both() {
        return new Object[] {new it.disks.dsk.Disk.Builder().diskId("d1").build(), new it.pools.pol.Pool.Builder().poolId("p1").build()};
    }
}
