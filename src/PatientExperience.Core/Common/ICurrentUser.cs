namespace PatientExperience.Core.Common;

/// <summary>Who is acting now: the signed-in user, or nobody (background work, anonymous pages).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
}
