using Hl7.Fhir.Model;

namespace PatientExperience.Web.Fhir;

/// <summary>The CapabilityStatement at <c>/fhir/metadata</c>: exactly the types, interactions and search parameters served.</summary>
internal static class FhirCapabilities
{
    /// <summary>When this statement last changed (change it with the statement).</summary>
    public const string Date = "2026-12-07";

    private static readonly Dictionary<string, (SearchParamType Type, string Documentation)> Parameters = new(StringComparer.Ordinal)
    {
        ["_id"] = (SearchParamType.Token, "The id, or several separated by commas."),
        ["name"] = (SearchParamType.String, "Any part of the name starts with this, ignoring case."),
        ["location"] = (SearchParamType.Reference, "Location/{id}: the department."),
        ["actor"] = (SearchParamType.Reference, "Practitioner/{id}: the clinician."),
        ["schedule"] = (SearchParamType.Reference, "Schedule/{id}: the clinician's schedule."),
        ["service-type"] = (SearchParamType.Token, $"{FhirDirectory.ServiceSystem}|{{HealthcareService id}}, or the id alone."),
        ["start"] = (SearchParamType.Date, $"ge/gt/le/lt/eq a date or a date-time with offset; at most {FhirDirectory.MaxSlotDays} days, {FhirDirectory.DefaultSlotDays} from now when not given."),
        ["status"] = (SearchParamType.Token, "Slot: free (only free times are served). Appointment: booked, arrived, fulfilled, noshow, cancelled (several with commas). Questionnaire: active (the latest version) or retired."),
        ["patient"] = (SearchParamType.Reference, "Patient/{id}."),
        ["practitioner"] = (SearchParamType.Reference, "Practitioner/{id}: the clinician."),
        ["date"] = (SearchParamType.Date, "The start: ge/gt/le/lt/eq a date or a date-time with offset."),
        ["identifier"] = (SearchParamType.Token, $"The patient's reference: P-000123, or {FhirDirectory.PatientReferenceSystem}|P-000123."),
        ["family"] = (SearchParamType.String, "The family name starts with this, ignoring case; with birthdate."),
        ["birthdate"] = (SearchParamType.Date, "The date of birth (1980-01-31); with family."),
        ["url"] = (SearchParamType.Uri, $"{FhirSurveys.QuestionnaireBase}{{id}}: every version of one questionnaire; add |{{version}} for one."),
        ["version"] = (SearchParamType.Token, "The version number (1, 2, …)."),
        ["title"] = (SearchParamType.String, "Part of the questionnaire's name, ignoring case."),
        ["authored"] = (SearchParamType.Date, "When it was answered: ge/gt/le/lt/eq a date or a date-time with offset."),
        ["questionnaire"] = (SearchParamType.Reference, "Questionnaire/{id} (one version), its url, or url|version."),
        ["_lastUpdated"] = (SearchParamType.Date, "meta.lastUpdated: ge/gt/le/lt/eq a date or a date-time with offset, for incremental pulls."),
    };

    /// <summary>Every type is read and searched; an Appointment is also booked (create) and cancelled (update, patch).</summary>
    private static IEnumerable<CapabilityStatement.TypeRestfulInteraction> Interactions(string type) => type == "Appointment"
        ?
        [
            CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType, CapabilityStatement.TypeRestfulInteraction.Create,
            CapabilityStatement.TypeRestfulInteraction.Update, CapabilityStatement.TypeRestfulInteraction.Patch,
        ]
        : [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType];

    /// <summary>FHIR Bulk Data export (Appointment and QuestionnaireResponse, NDJSON computed on download).</summary>
    private static CapabilityStatement.OperationComponent Export() => new()
    {
        Name = "export",
        Definition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export",
        Documentation = $"Bulk Data export of {string.Join(" and ", FhirExports.Types)}: Prefer: respond-async, _since, _type; NDJSON files for the same client.",
    };

    public static CapabilityStatement Statement(string baseUrl) => new()
    {
        Status = PublicationStatus.Active,
        Date = Date,
        Kind = CapabilityStatementKind.Instance,
        Name = "PatientExperienceFhir",
        Title = "PatientExperience FHIR R4 API",
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "PatientExperience portal", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "Read and search; book an Appointment (POST, If-None-Exist honoured) and cancel it (PUT or JSON Patch to status cancelled). Paging: _count (1-200, 50 by default) and _offset; follow the Bundle's next link.",
                Security = new CapabilityStatement.SecurityComponent
                {
                    Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR")],
                    Description = $"OAuth 2.0 client-credentials grant at {baseUrl}/auth/token; SMART system scopes such as system/Slot.read.",
                },
                Operation = [Export()],
                Resource = [.. FhirController.Kinds.Select(k => new CapabilityStatement.ResourceComponent
                {
                    Type = k.Key,
                    Interaction = [.. Interactions(k.Key).Select(i => new CapabilityStatement.ResourceInteractionComponent { Code = i })],
                    ConditionalCreate = k.Key == "Appointment" ? true : null,
                    Operation = FhirExports.Types.Contains(k.Key) ? [Export()] : [],
                    SearchInclude = k.Value.SearchParameters.Contains("_include") ? [FhirDirectory.IncludePatient] : [],
                    SearchParam = [.. k.Value.SearchParameters.Where(p => p != "_include").Select(p => new CapabilityStatement.SearchParamComponent
                    {
                        Name = p,
                        Type = Parameters[p].Type,
                        Documentation = Parameters[p].Documentation,
                    })],
                })],
            },
        ],
    };
}
