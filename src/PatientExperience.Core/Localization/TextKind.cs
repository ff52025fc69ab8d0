namespace PatientExperience.Core.Localization;

/// <summary>
/// What kind of admin-entered text a <see cref="TranslatableText"/> is, in the order the admin page lists them.
/// Questionnaire names are not among them: patients never see one (the survey page says "How was your visit?").
/// </summary>
public enum TextKind
{
    Department = 1,
    Service = 2,
    JobTitle = 3,
    Directions = 4,
    WhatToBring = 5,
    ComplaintTopic = 6,
    Site = 7,

    /// <summary>A manager's own survey question (the standard sets' questions ship their translations).</summary>
    SurveyQuestion = 8,
}
