namespace PatientExperience.Core.Surveys;

public enum CommentTheme
{
    Waiting = 1,
    StaffAttitude = 2,
    Communication = 3,
    ClinicalCare = 4,
    Billing = 5,
    Cleanliness = 6,
    Booking = 7,
    Facilities = 8,
}
