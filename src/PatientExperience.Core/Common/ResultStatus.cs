namespace PatientExperience.Core.Common;

public enum ResultStatus
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
}
