namespace PatientExperience.Core.Complaints;

/// <summary>What the intake form (front desk or patient) sends.</summary>
public sealed record ComplaintIntake(
    int? PatientId,
    string? ComplainantName,
    string? ComplainantEmail,
    string? ComplainantPhone,
    InteractionChannel Channel,
    int? CategoryId,
    ComplaintSeverity? Severity,
    string? WhatHappened,
    string? OutcomeWanted,
    int? AppointmentId,
    int? DepartmentId,
    int? ConcernedStaffMemberId,
    int? ByStaffMemberId);
