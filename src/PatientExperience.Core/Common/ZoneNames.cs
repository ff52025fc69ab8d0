namespace PatientExperience.Core.Common;

/// <summary>Time zone names as people say them. A zone not listed is named after its city ("Sao Paulo time").</summary>
public static class ZoneNames
{
    private static readonly Dictionary<string, (string En, string Es, string Zh)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/New_York"] = ("Eastern Time", "hora del Este", "美国东部时间"),
        ["America/Detroit"] = ("Eastern Time", "hora del Este", "美国东部时间"),
        ["America/Chicago"] = ("Central Time", "hora central", "美国中部时间"),
        ["America/Denver"] = ("Mountain Time", "hora de las Montañas Rocosas", "美国山地时间"),
        ["America/Phoenix"] = ("Mountain Time (Arizona)", "hora de las Montañas Rocosas (Arizona)", "美国山地时间（亚利桑那）"),
        ["America/Los_Angeles"] = ("Pacific Time", "hora del Pacífico", "美国太平洋时间"),
        ["America/Anchorage"] = ("Alaska Time", "hora de Alaska", "阿拉斯加时间"),
        ["Pacific/Honolulu"] = ("Hawaii Time", "hora de Hawái", "夏威夷时间"),
        ["America/Puerto_Rico"] = ("Atlantic Time", "hora del Atlántico", "大西洋时间"),
        ["Europe/London"] = ("UK time", "hora del Reino Unido", "英国时间"),
        ["Europe/Dublin"] = ("Irish time", "hora de Irlanda", "爱尔兰时间"),
        ["Europe/Madrid"] = ("Spain time", "hora de España", "西班牙时间"),
        ["Asia/Shanghai"] = ("China time", "hora de China", "北京时间"),
        ["UTC"] = ("UTC", "UTC", "UTC"),
    };

    public static string Friendly(string ianaId, CultureInfo reader)
    {
        var language = reader.TwoLetterISOLanguageName;
        if (Known.TryGetValue(ianaId, out var names))
            return language switch { "es" => names.Es, "zh" => names.Zh, _ => names.En };
        var city = ianaId[(ianaId.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return language switch { "es" => $"hora de {city}", "zh" => $"{city}时间", _ => $"{city} time" };
    }
}
