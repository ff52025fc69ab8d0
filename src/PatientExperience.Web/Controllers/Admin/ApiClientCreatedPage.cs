using PatientExperience.Core.ApiClients;

namespace PatientExperience.Web.Controllers.Admin;

public sealed record ApiClientCreatedPage(ApiClientRow Client, string? Secret);
