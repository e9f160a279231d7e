package io.sanliu.model.credit;

/**
 * What one fact changed: the new profile (also a history entry), and the grade change if there was
 * one (null otherwise).
 */
public record CreditUpdate(CreditProfile profile, CreditGradeChange gradeChange) {}
