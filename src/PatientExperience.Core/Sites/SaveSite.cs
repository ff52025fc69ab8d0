namespace PatientExperience.Core.Sites;

/// <param name="PolicyPack">A <see cref="Complaints.PolicyPacks"/> code, or null or empty for the group's.</param>
public sealed record SaveSite(string? Name, string? Address, string? Phone, string? Directions, string? WhatToBring, string? TimeZone, string? PolicyPack = null);

