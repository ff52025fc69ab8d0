using System.Security.Claims;
using PatientExperience.Core.Common;

namespace PatientExperience.Web.Configurations;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
}
