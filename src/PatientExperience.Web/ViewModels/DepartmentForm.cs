using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.ViewModels;

public sealed class DepartmentForm
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [Display(Name = "Phone number (optional)")]
    public string? Phone { get; set; }

    [Display(Name = "Address patients come to (optional)")]
    public string? Address { get; set; }

    [Display(Name = "How to find it (optional)")]
    public string? Directions { get; set; }

    [Display(Name = "What to bring (optional)")]
    public string? WhatToBring { get; set; }

    public bool IsActive { get; set; } = true;

    [Display(Name = "Site")]
    public int? SiteId { get; set; }

    /// <summary>The sites to choose from (filled by the controller; the choice shows only when there are two or more).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<(int Id, string Name)> Sites { get; set; } = [];

    public SaveDepartment ToRequest() => new(Name, Description, Phone, Address, Directions, WhatToBring, SiteId);
}

