using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.ApiClients;
using PatientExperience.Core.Common;
using PatientExperience.Core.Staff;
using PatientExperience.Web.Forms;

namespace PatientExperience.Web.Controllers.Admin;

public sealed record ApiClientCreatedPage(ApiClientRow Client, string? Secret);
