using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace PatientExperience.Web.Fhir;

/// <summary>Search results as a searchset Bundle: total, the page's entries, and self/next/previous links.</summary>
internal static class FhirBundles
{
    public static Bundle Searchset(string baseUrl, string type, IQueryCollection request, FhirQuery query, FhirPage page, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Meta = new Meta { LastUpdated = now },
            Total = page.Total,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = PageUrl(baseUrl, type, request, query.Offset) }],
            Entry = [.. page.Resources.Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            }).Concat((page.Included ?? []).Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Include },
            }))],
        };
        if ((long)query.Offset + query.Count < page.Total)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(baseUrl, type, request, query.Offset + query.Count) });
        if (query.Offset > 0)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageUrl(baseUrl, type, request, Math.Max(0, query.Offset - query.Count)) });
        return bundle;
    }

    /// <summary>The same search at another offset (every parameter kept, in order).</summary>
    private static string PageUrl(string baseUrl, string type, IQueryCollection request, int offset)
    {
        var parameters = request.Where(p => p.Key != "_offset")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("_offset", offset.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{baseUrl}/{type}", parameters);
    }
}
