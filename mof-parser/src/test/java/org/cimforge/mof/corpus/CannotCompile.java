package org.cimforge.mof.corpus;

import static org.cimforge.mof.DiagnosticCode.INCLUDE_NOT_FOUND;
import static org.cimforge.mof.DiagnosticCode.INVALID_CHARACTER;
import static org.cimforge.mof.DiagnosticCode.INVALID_VALUEMAP;
import static org.cimforge.mof.DiagnosticCode.OVERRIDE_TYPE_MISMATCH;
import static org.cimforge.mof.DiagnosticCode.SYNTAX;
import static org.cimforge.mof.DiagnosticCode.TYPE_MISMATCH;
import static org.cimforge.mof.DiagnosticCode.UNKNOWN_CLASS;
import static org.cimforge.mof.DiagnosticCode.UNKNOWN_QUALIFIER;
import static org.cimforge.mof.DiagnosticCode.UNKNOWN_SUPERCLASS;
import static org.cimforge.mof.DiagnosticCode.UNTERMINATED_STRING;
import static org.cimforge.mof.DiagnosticCode.VALUEMAP_MISMATCH;

import java.util.Map;
import java.util.Set;
import org.cimforge.mof.DiagnosticCode;

/**
 * Corpus inputs that cannot compile, each with the only error codes it may give. Reasons are in
 * docs/mof-compiler.md; in short: a file the corpus lacks, or a mistake in the input itself.
 * (Inputs that only miss classes declared nowhere in the corpus are recognised without a list.)
 */
final class CannotCompile {
    static final Map<String, Set<DiagnosticCode>> LIST = Map.ofEntries(
            // Includes the CIM 2.13.1 schema and OpenPegasus's own schemas, which the corpus lacks.
            Map.entry("compiler-tests/OpenPegasus/src/Pegasus/Repository/tests/MRR/root_cimv2_namespace.mof",
                    Set.of(INCLUDE_NOT_FOUND)),
            // ClassName = "TST_Assoc5; -- a string never closed (twice), plus PG_ registration classes.
            Map.entry("compiler-tests/OpenPegasus/src/Providers/TestProviders/Load/AssociationTestProviderR.mof",
                    Set.of(UNTERMINATED_STRING, SYNTAX, UNKNOWN_CLASS)),
            // DeviceID = 1 for a string property.
            Map.entry("compiler-tests/openwbem/src/mof/testfiles/testInstance.mof", Set.of(TYPE_MISMATCH)),
            // Includes CIM_Core25.mof (CIM 2.5), which the corpus lacks.
            Map.entry("compiler-tests/openwbem/test/c++providers/instance/demo.mof", Set.of(INCLUDE_NOT_FOUND)),
            // Values written without quotes: SystemName = blah;
            Map.entry("compiler-tests/pywbemtools/tests/unit/pywbemcli/mock_subscriptiontest.mof", Set.of(SYNTAX)),
            // AdvertiseTypes = 2 for a uint16[] property.
            Map.entry("compiler-tests/sblim-sfcb/10_interop.mof", Set.of(TYPE_MISMATCH)),
            // A build template: @SW_DBUS_MOF@ is replaced by the package build before compiling.
            Map.entry("vendor/openlmi-providers/src/mof/60_LMI_Software.mof.in",
                    Set.of(INVALID_CHARACTER, SYNTAX, UNKNOWN_SUPERCLASS, UNKNOWN_CLASS, UNKNOWN_QUALIFIER,
                            OVERRIDE_TYPE_MISMATCH)),
            // Needs classes declared only in the 60_LMI_Software.mof.in template above.
            Map.entry("vendor/openlmi-providers/src/mof/60_LMI_Software_MethodParameters.mof", Set.of(UNKNOWN_CLASS)),
            // CreateOrModifyVG / CreateOrModifyThinPool have 9 ValueMap entries but 10 Values;
            // LMI_EncryptionFormatSetting is referenced but declared nowhere.
            Map.entry("vendor/openlmi-storage/src/mof/60_LMI_Storage.mof", Set.of(VALUEMAP_MISMATCH, UNKNOWN_CLASS)),
            Map.entry("vendor/openlmi-storage/src/mof/LMI_Storage-BlockStorage.mof", Set.of(VALUEMAP_MISMATCH)),
            Map.entry("vendor/openlmi-storage/src/mof/LMI_Storage-MethodParameters.mof",
                    Set.of(VALUEMAP_MISMATCH, UNKNOWN_CLASS)),
            Map.entry("vendor/openlmi-storage/src/mof/LMI_Storage-Luks.mof", Set.of(VALUEMAP_MISMATCH, UNKNOWN_CLASS)),
            // Printable = "yes" for a boolean, and ValueMaps written as one quoted string ("\"0\",\"1\"").
            Map.entry("vendor/sblim-cmpi-samba/src/model/Linux_Samba.mof", Set.of(TYPE_MISMATCH, INVALID_VALUEMAP)));

    private CannotCompile() {
    }
}
