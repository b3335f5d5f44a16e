"""Activity sign-up, waitlist, attendance check-in and the activities' calendar feeds."""
