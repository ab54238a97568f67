"""Services: one function per thing an officer does. Each opens its own short session,
applies the rules, writes the audit trail, and returns plain values or detached records."""
