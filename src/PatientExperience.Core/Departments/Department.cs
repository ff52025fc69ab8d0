using PatientExperience.Core.Common;

namespace PatientExperience.Core.Departments;

public class Department : AuditableEntity, IActivatable
{
    private Department() { }

    public Department(string name, string? description, string? phone)
    {
        Update(name, description, phone);
    }

    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public string? Phone { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>Where patients go (street, floor), shown on confirmations, in emails and as the calendar event's location.</summary>
    public string? Address { get; private set; }
    /// <summary>How to find it: entrance, parking, the nearest bus stop.</summary>
    public string? Directions { get; private set; }
    /// <summary>What to bring: insurance card, medicines list, glasses.</summary>
    public string? WhatToBring { get; private set; }

    public void SetVisitInfo(string? address, string? directions, string? whatToBring)
    {
        Address = Clean(address);
        Directions = Clean(directions);
        WhatToBring = Clean(whatToBring);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public void Update(string name, string? description, string? phone)
    {
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}

/// <summary>What a patient needs to find a visit and come prepared: the department, its address, directions and what to bring.</summary>
public sealed record VisitPlace(string Department, string? Address, string? Directions, string? WhatToBring)
{
    /// <summary>The department and its address on one line ("Cardiology, 410 Riverside Drive, 2nd floor").</summary>
    public string OneLine => Address is null ? Department : $"{Department}, {Address.ReplaceLineEndings(", ")}";
}
