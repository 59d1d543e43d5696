"""What the learner knows and keeps: word statuses, saved words, history."""
