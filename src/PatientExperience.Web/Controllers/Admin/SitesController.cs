using PatientExperience.Core.Sites;

namespace PatientExperience.Web.Controllers.Admin;

/// <summary>The group's sites: name, address, phone, directions, what to bring, time zone and opening hours (admin only).</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/sites")]
public class SitesController(SiteCatalog catalog, PhoneFormat phones, WorkingHoursService hours, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The site's own holidays, on top of the group's (<c>/admin/holidays</c>): they close this site's times only.</summary>
    [HttpGet("{id:int}/holidays")]
    public async Task<IActionResult> Holidays(int id, CancellationToken cancellationToken)
    {
        var site = await catalog.FindAsync(id, cancellationToken);
        if (site is null)
            return NotFound();
        return View("~/Views/Staff/TimeOff.cshtml", new TimeOffPageViewModel(null, $"Holidays at {site.Name}", await hours.TimeOffAsync(null, cancellationToken, id), SiteId: id));
    }

    [HttpPost("{id:int}/holidays")]
    [OnceOnly]
    public async Task<IActionResult> AddHoliday(int id, DateOnly? from, DateOnly? to, string? reason, CancellationToken cancellationToken)
    {
        var site = await catalog.FindAsync(id, cancellationToken);
        if (site is null)
            return NotFound();
        var result = await hours.AddTimeOffAsync(null, from, to, reason, cancellationToken, id);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("~/Views/Staff/TimeOff.cshtml", new TimeOffPageViewModel(null, $"Holidays at {site.Name}", await hours.TimeOffAsync(null, cancellationToken, id), from, to, reason, id));
        }
        TempData["Message"] = $"Holiday saved. Nobody can be booked at {site.Name} on those days.";
        return Redirect($"/admin/sites/{id}/holidays");
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await catalog.ListAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new SiteForm());

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var site = await catalog.FindAsync(id, cancellationToken);
        if (site is null)
            return NotFound();
        return View(new SiteForm
        {
            Id = id, Name = site.Name, Address = site.Address, Phone = phones.Display(site.Phone), Directions = site.Directions,
            WhatToBring = site.WhatToBring, TimeZone = site.TimeZone, PolicyPack = site.ComplaintPolicyPack, Hours = SiteForm.HoursOf(site.OpeningHours),
        });
    }

    [HttpPost("save")]
    [OnceOnly]
    public async Task<IActionResult> Save(SiteForm form, CancellationToken cancellationToken)
    {
        var result = await catalog.SaveAsync(form.Id, form.ToRequest(), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            while (form.Hours.Count < OpeningTime.Week.Count)
                form.Hours.Add(new OpeningDayForm());
            return View("Edit", form);
        }
        TempData["Message"] = "Site saved.";
        return RedirectToAction(nameof(Index));
    }
}
