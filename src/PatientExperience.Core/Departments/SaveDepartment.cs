namespace PatientExperience.Core.Departments;

/// <param name="SiteId">The site it is at; none means the group's first site (a single-site clinic never chooses).</param>
public sealed record SaveDepartment(string? Name, string? Description, string? Phone, string? Address = null, string? Directions = null, string? WhatToBring = null,
    int? SiteId = null);

