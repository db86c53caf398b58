package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per renaming rule of the naming component. */
class NameAllocatorTest {

    @Test
    void javaKeywordsGetATrailingUnderscore() {
        NameAllocator scope = NameAllocator.forMembers();
        assertThat(scope.allocate("class")).isEqualTo("class_");
        assertThat(scope.allocate("default")).isEqualTo("default_");
        assertThat(scope.allocate("null")).isEqualTo("null_");
    }

    @Test
    void restrictedIdentifiersGetATrailingUnderscore() {
        NameAllocator scope = NameAllocator.forMembers();
        assertThat(List.of("var", "yield", "record", "sealed", "permits").stream().map(scope::allocate))
                .containsExactly("var_", "yield_", "record_", "sealed_", "permits_");
    }

    @Test
    void objectMethodClashesGetATrailingUnderscore() {
        NameAllocator scope = NameAllocator.forMembers();
        assertThat(scope.allocate("getClass")).isEqualTo("getClass_");
        assertThat(scope.allocate("hashCode")).isEqualTo("hashCode_");
        assertThat(scope.allocate("wait")).isEqualTo("wait_");
        assertThat(scope.allocate("getClassName")).isEqualTo("getClassName");
    }

    @Test
    void scopeReservedNamesGetATrailingUnderscore() {
        NameAllocator scope = NameAllocator.forMembers().reserve(List.of("build"));
        assertThat(scope.allocate("build")).isEqualTo("build_");
    }

    @Test
    void leadingDigitGetsALeadingUnderscore() {
        assertThat(NameAllocator.forMembers().allocate("1394_PORT")).isEqualTo("_1394_PORT");
    }

    @Test
    void symbolsBecomeUnderscores() {
        NameAllocator scope = NameAllocator.forMembers();
        assertThat(scope.allocate("Not/Available")).isEqualTo("Not_Available");
        assertThat(scope.allocate("a-b$c")).isEqualTo("a_b_c");
        // "_" alone is a keyword, so the empty name becomes "__".
        assertThat(scope.allocate("")).isEqualTo("__");
    }

    @Test
    void duplicatesGetNumberedSuffixesInOrder() {
        NameAllocator scope = NameAllocator.forMembers();
        assertThat(scope.allocate("OTHER")).isEqualTo("OTHER");
        assertThat(scope.allocate("OTHER")).isEqualTo("OTHER_2");
        assertThat(scope.allocate("OTHER")).isEqualTo("OTHER_3");
    }

    @Test
    void typeNamesDifferingOnlyInCaseCountAsDuplicates() {
        NameAllocator types = NameAllocator.forTypes();
        assertThat(types.allocate("Foo")).isEqualTo("Foo");
        assertThat(types.allocate("FOO")).isEqualTo("FOO_2");
        NameAllocator members = NameAllocator.forMembers();
        assertThat(members.allocate("foo")).isEqualTo("foo");
        assertThat(members.allocate("Foo")).isEqualTo("Foo");
    }

    @Test
    void inheritedNamesAreTaken() {
        NameAllocator parent = NameAllocator.forMembers();
        parent.allocate("getSyncState");
        NameAllocator child = NameAllocator.forMembers().inherit(parent);
        assertThat(child.isTaken("getSyncState")).isTrue();
        assertThat(child.allocate("getSyncState")).isEqualTo("getSyncState_2");
    }

    @Test
    void javaCaseConversions() {
        assertThat(JavaCase.constant("Method Parameters Checked - Job Started"))
                .isEqualTo("METHOD_PARAMETERS_CHECKED_JOB_STARTED");
        assertThat(JavaCase.constant("ForceTerminate")).isEqualTo("FORCE_TERMINATE");
        assertThat(JavaCase.constant("UnSyncAssoc")).isEqualTo("UN_SYNC_ASSOC");
        assertThat(JavaCase.lowerCamel("SyncState")).isEqualTo("syncState");
        assertThat(JavaCase.lowerCamel("IPAddress")).isEqualTo("ipAddress");
        assertThat(JavaCase.lowerCamel("InstanceID")).isEqualTo("instanceId");
    }
}
