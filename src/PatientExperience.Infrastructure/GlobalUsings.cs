// The namespaces most files of this project use, imported once (issue 21: one way; files keep only the usings that say
// something about them).
global using System.Globalization;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using PatientExperience.Core.Common;
global using PatientExperience.Infrastructure.Data;
