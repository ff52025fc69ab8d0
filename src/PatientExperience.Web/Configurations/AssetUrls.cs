using Microsoft.AspNetCore.Components;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// The one way views link a file from wwwroot: <c>@Assets.Url("css/portal.css")</c> gives the build's content-fingerprinted
/// address ("/css/portal.4k2x9q1abc.css"), which <c>MapStaticAssets</c> serves compressed with
/// <c>Cache-Control: max-age=31536000, immutable</c>, so a returning patient's phone asks for none of them again until the
/// file changes. The map comes from the endpoint (<c>WithStaticAssets()</c> on the controller routes); without it (a page
/// served outside them) the plain address is given, which still works, with <c>no-cache</c>.
/// </summary>
public sealed class AssetUrls(IHttpContextAccessor accessor)
{
    public string Url(string path)
    {
        var context = accessor.HttpContext;
        var assets = context?.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>();
        var url = assets is null ? path : assets[path];
        return $"{context?.Request.PathBase}/{url.TrimStart('/')}";
    }
}
