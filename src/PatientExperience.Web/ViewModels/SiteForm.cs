using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Sites;

namespace PatientExperience.Web.ViewModels;

public sealed class SiteForm
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Address (optional)")]
    public string? Address { get; set; }

    [Display(Name = "Phone number (optional)")]
    public string? Phone { get; set; }

    [Display(Name = "How to find it (optional)")]
    public string? Directions { get; set; }

    [Display(Name = "What to bring (optional)")]
    public string? WhatToBring { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }

    [Display(Name = "Complaint rules")]
    public string? PolicyPack { get; set; }

    public SaveSite ToRequest() => new(Name, Address, Phone, Directions, WhatToBring, TimeZone, PolicyPack);
}
