using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Sites;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

public sealed class HoursRow
{
    public DayOfWeek Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
}
