namespace PatientExperience.Core.Departments;

public class Department : AuditableEntity, IActivatable
{
    private Department() { }

    public Department(string name, string? description, string? phone, int siteId)
    {
        Update(name, description, phone);
        SiteId = siteId;
    }

    /// <summary>The one site this department is at (a clinic offering the same care at two sites has two departments).</summary>
    public int SiteId { get; private set; }
    public Sites.Site? Site { get; private set; }

    public void MoveToSite(int siteId) => SiteId = siteId;

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

