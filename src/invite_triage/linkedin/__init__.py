"""Reading a member's own LinkedIn export: files of every era, identities, pending
invitations and the learner's annotations."""
