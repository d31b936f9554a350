using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vendor.Shell.Settings;

/// <summary>
/// On-disk form of the taskbar layout. Mirrors <c>shell::taskbar::TaskbarLayout</c>
/// in the shell; the two must accept the same files.
/// </summary>
public sealed class TaskbarLayoutModel
{
    /// <summary>Newest schema this tool writes. The shell rejects newer ones.</summary>
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    [JsonPropertyName("edge")]
    public string Edge { get; set; } = "bottom";

    [JsonPropertyName("grouping")]
    public string Grouping { get; set; } = "always";

    [JsonPropertyName("autoHide")]
    public bool AutoHide { get; set; }

    [JsonPropertyName("smallButtons")]
    public bool SmallButtons { get; set; }

    [JsonPropertyName("pinned")]
    public List<PinnedAppModel> Pinned { get; set; } = new();

    [JsonPropertyName("notificationArea")]
    public NotificationAreaModel NotificationArea { get; set; } = new();

    /// <summary>
    /// Keys this version does not understand. Kept so that editing a file
    /// written by a newer tool does not silently drop its settings.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class PinnedAppModel
{
    [JsonPropertyName("appId")]
    public string AppId { get; set; } = "";

    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    [JsonPropertyName("label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; set; }
}

public sealed class NotificationAreaModel
{
    [JsonPropertyName("showClock")]
    public bool ShowClock { get; set; } = true;

    [JsonPropertyName("overflow")]
    public string Overflow { get; set; } = "flyout";

    [JsonPropertyName("promotedApps")]
    public List<string> PromotedApps { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Allowed values for the enumerated settings.</summary>
public static class LayoutValues
{
    public static readonly IReadOnlyList<string> Edges = new[] { "bottom", "top", "left", "right" };
    public static readonly IReadOnlyList<string> GroupingModes = new[] { "always", "never" };
    public static readonly IReadOnlyList<string> OverflowModes = new[] { "flyout", "showAll" };

    /// <summary>Mirrors kMaxPinnedApps in TaskbarLayout.cpp.</summary>
    public const int MaxPinnedApps = 64;

    /// <summary>Mirrors kMaxPromotedApps in TaskbarLayout.cpp.</summary>
    public const int MaxPromotedApps = 32;
}
