using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Web.Fhir;

namespace PatientExperience.Benchmarks;

/// <summary>
/// The FHIR Slot search an EHR makes for one clinician over 14 days (<c>Slot?schedule=…&amp;start=ge…&amp;start=lt…</c>),
/// through the FHIR adapter (<see cref="FhirDirectory.SlotsAsync"/>: parse, the same Availability search patients book
/// with, then map to Slot resources), against the cached 1,000,000-appointment database. Serialising the Bundle to
/// JSON is not included.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FhirSlotSearchBenchmarks
{
    private IServiceProvider? _services;
    private QueryCollection _oneService = new();
    private QueryCollection _everyService = new();

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchDatabase.EnsureAsync(Console.Out, CancellationToken.None).GetAwaiter().GetResult();
        _services = BenchServices.Build(file);
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<ClinicClock>().Today;
        var target = BenchTarget.Find(db);
        var from = "ge" + today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = "lt" + today.AddDays(SlotSearchBenchmarks.Days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        _everyService = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["schedule"] = $"Schedule/{target.ClinicianId}",
            ["start"] = new StringValues([from, to]),
            ["_count"] = "200",
        });
        _oneService = new QueryCollection(new Dictionary<string, StringValues>(_everyService) { ["service-type"] = target.ServiceId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        (_services as IDisposable)?.Dispose();
        _services = null;
    }

    /// <summary>Schedule and service-type: one Availability search, as a patient's.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> OneClinicianOneService() => SearchAsync(_oneService);

    /// <summary>Schedule alone: every service of the clinician's department (two in the data set), one search each.</summary>
    [Benchmark]
    public Task<int> OneClinicianEveryService() => SearchAsync(_everyService);

    private async Task<int> SearchAsync(QueryCollection parameters)
    {
        await using var scope = _services!.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var directory = new FhirDirectory(sp.GetRequiredService<IAppDbContext>(), sp.GetRequiredService<Availability>(), sp.GetRequiredService<ClinicClock>());
        var (query, error) = FhirQuery.Parse(parameters, ["schedule", "service-type", "start", "status"], "start");
        var (page, _) = await directory.SlotsAsync(query ?? throw new InvalidOperationException(error), CancellationToken.None);
        return page!.Total;
    }
}
