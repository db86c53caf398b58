package org.cimforge.array.model;

import java.util.List;

/**
 * A ConsistencySet (members are volume ids) or SynchronizedSet (members are pair ids) whose members are
 * operated on together; {@code consistencyActive} is the Activate/Deactivate Consistency flag.
 */
public record ReplicaGroup(String id, String name, GroupKind groupKind, CopyType copyType, List<String> members,
    boolean consistencyActive) implements Entity {

  public ReplicaGroup {
    members = List.copyOf(members);
  }

  @Override
  public EntityKind kind() {
    return EntityKind.GROUP;
  }

  /** A copy with another member list. */
  public ReplicaGroup withMembers(List<String> newMembers) {
    return new ReplicaGroup(id, name, groupKind, copyType, newMembers, consistencyActive);
  }

  /** A copy with the consistency flag set as given. */
  public ReplicaGroup withConsistency(boolean active) {
    return new ReplicaGroup(id, name, groupKind, copyType, members, active);
  }
}
