package example;

/** Compiles only when the generated bindings exist and their enum has the expected constant. */
public final class UsesBindings {
    private UsesBindings() {
    }

    public static Object healthy() {
        return it.bindings.itx.Disk.Health.OK;
    }
}
