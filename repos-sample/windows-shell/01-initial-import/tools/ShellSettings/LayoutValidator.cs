namespace Vendor.Shell.Settings;

public enum IssueSeverity
{
    Warning,
    Error,
}

public sealed record ValidationIssue(IssueSeverity Severity, string Location, string Message)
{
    public override string ToString() =>
        $"{(Severity == IssueSeverity.Error ? "error" : "warning")}: {Location}: {Message}";
}

/// <summary>
/// Checks a layout against the rules the shell applies when loading it
/// (TaskbarLayout.cpp). Errors make the shell reject the file and fall back
/// to the default layout; warnings are accepted but probably not intended.
/// </summary>
public static class LayoutValidator
{
    private const int MaxLabelLength = 64;

    public static IReadOnlyList<ValidationIssue> Validate(TaskbarLayoutModel layout)
    {
        var issues = new List<ValidationIssue>();

        if (layout.SchemaVersion < 1 || layout.SchemaVersion > TaskbarLayoutModel.CurrentSchemaVersion)
        {
            issues.Add(Error("schemaVersion",
                $"{layout.SchemaVersion} is not supported (expected 1..{TaskbarLayoutModel.CurrentSchemaVersion})"));
        }
        if (!LayoutValues.Edges.Contains(layout.Edge))
        {
            issues.Add(Error("edge", $"'{layout.Edge}' is not one of {string.Join(", ", LayoutValues.Edges)}"));
        }
        if (!LayoutValues.GroupingModes.Contains(layout.Grouping))
        {
            issues.Add(Error("grouping",
                $"'{layout.Grouping}' is not one of {string.Join(", ", LayoutValues.GroupingModes)}"));
        }

        ValidatePinned(layout.Pinned, issues);
        ValidateNotificationArea(layout.NotificationArea, issues);
        return issues;
    }

    private static void ValidatePinned(List<PinnedAppModel> pinned, List<ValidationIssue> issues)
    {
        if (pinned.Count > LayoutValues.MaxPinnedApps)
        {
            issues.Add(Warning("pinned",
                $"{pinned.Count} apps pinned; the shell shows only the first {LayoutValues.MaxPinnedApps}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pinned.Count; i++)
        {
            var app = pinned[i];
            var location = $"pinned[{i}]";
            if (string.IsNullOrWhiteSpace(app.AppId))
            {
                issues.Add(Error(location, "appId is required"));
            }
            else if (!seen.Add(app.AppId))
            {
                issues.Add(Warning(location, $"'{app.AppId}' is pinned more than once; later copies are ignored"));
            }

            if (string.IsNullOrWhiteSpace(app.Path))
            {
                issues.Add(Error(location, "path is required"));
            }
            else if (app.Path.Count(c => c == '%') % 2 != 0)
            {
                issues.Add(Error(location, $"path '{app.Path}' has an unbalanced %VARIABLE% reference"));
            }

            if (app.Label is { Length: > MaxLabelLength })
            {
                issues.Add(Warning(location, $"label is longer than {MaxLabelLength} characters and will be cut"));
            }
        }
    }

    private static void ValidateNotificationArea(NotificationAreaModel area, List<ValidationIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var appId in area.PromotedApps)
        {
            if (string.IsNullOrWhiteSpace(appId))
            {
                issues.Add(Error("notificationArea.promotedApps", "entries must not be empty"));
            }
            else if (!seen.Add(appId))
            {
                issues.Add(Warning("notificationArea.promotedApps", $"'{appId}' is listed more than once"));
            }
        }
    }

    private static ValidationIssue Error(string location, string message) =>
        new(IssueSeverity.Error, location, message);

    private static ValidationIssue Warning(string location, string message) =>
        new(IssueSeverity.Warning, location, message);
}
