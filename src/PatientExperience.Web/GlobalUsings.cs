// The namespaces most files of this project use, imported once (issue 21: one way; files keep only the usings that say
// something about them).
global using System.Globalization;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Extensions.Localization;
global using Microsoft.Extensions.Options;
global using PatientExperience.Core.Common;
global using PatientExperience.Core.Staff;
global using PatientExperience.Web.Configurations;
global using PatientExperience.Web.Forms;
global using PatientExperience.Web.ViewModels;
