// TaskbarGroupingTests.cpp - grouping, pinning and click behaviour.

#include <gtest/gtest.h>

#include "shell/Taskbar.hpp"

using namespace shell::taskbar;

namespace {

class RecordingView final : public ITaskbarView {
public:
    void OnGroupsChanged() override { ++changes; }
    void OnGroupFlashing(const TaskbarButtonGroup&, bool flashing) override {
        lastFlashing = flashing;
        ++flashChanges;
    }

    int changes = 0;
    int flashChanges = 0;
    bool lastFlashing = false;
};

TaskbarWindow MakeWindow(WindowHandle handle, const wchar_t* exe, const wchar_t* appId = L"") {
    TaskbarWindow window;
    window.handle = handle;
    window.executablePath = exe;
    window.appId = appId;
    return window;
}

PinnedApp MakePin(const wchar_t* appId, const wchar_t* path) {
    return PinnedApp{appId, path, appId};
}

}  // namespace

TEST(TaskbarGrouping, WindowsOfOneExecutableShareAButton) {
    RecordingView view;
    Taskbar taskbar(&view);
    taskbar.OnWindowCreated(MakeWindow(1, L"C:\\Apps\\editor.exe"));
    taskbar.OnWindowCreated(MakeWindow(2, L"c:/apps/EDITOR.exe"));
    taskbar.OnWindowCreated(MakeWindow(3, L"C:\\Apps\\viewer.exe"));

    ASSERT_EQ(2u, taskbar.Groups().size());
    EXPECT_EQ(2u, taskbar.Groups()[0]->WindowCount());
    EXPECT_EQ(taskbar.GroupForWindow(1), taskbar.GroupForWindow(2));
    EXPECT_EQ(3, view.changes);
}

TEST(TaskbarGrouping, AppIdWinsOverExecutablePath) {
    Taskbar taskbar(nullptr);
    // A launcher stub and the real binary report the same app id.
    taskbar.OnWindowCreated(MakeWindow(1, L"C:\\Apps\\Mail\\launcher.exe", L"Vendor.Mail"));
    taskbar.OnWindowCreated(MakeWindow(2, L"C:\\Apps\\Mail\\mail.exe", L"vendor.mail"));
    // Same executable, different id: a separate button.
    taskbar.OnWindowCreated(MakeWindow(3, L"C:\\Apps\\Mail\\mail.exe", L"Vendor.Calendar"));

    ASSERT_EQ(2u, taskbar.Groups().size());
    EXPECT_EQ(taskbar.GroupForWindow(1), taskbar.GroupForWindow(2));
    EXPECT_NE(taskbar.GroupForWindow(2), taskbar.GroupForWindow(3));
}

TEST(TaskbarGrouping, WindowWithoutAppIdJoinsPinnedButtonForItsExecutable) {
    Taskbar taskbar(nullptr);
    ASSERT_EQ(shell::SH_OK, taskbar.Pin(MakePin(L"Vendor.Editor", L"C:\\Apps\\editor.exe")));
    taskbar.OnWindowCreated(MakeWindow(5, L"c:\\apps\\editor.exe"));

    ASSERT_EQ(1u, taskbar.Groups().size());
    EXPECT_EQ(1u, taskbar.Groups()[0]->WindowCount());
    EXPECT_TRUE(taskbar.Groups()[0]->IsPinned());
}

TEST(TaskbarGrouping, LateAppIdMovesWindowToItsButton) {
    Taskbar taskbar(nullptr);
    taskbar.OnWindowCreated(MakeWindow(1, L"C:\\Apps\\host.exe"));
    taskbar.OnWindowCreated(MakeWindow(2, L"C:\\Apps\\notes.exe", L"Vendor.Notes"));
    ASSERT_EQ(2u, taskbar.Groups().size());

    taskbar.OnWindowAppIdChanged(1, L"Vendor.Notes");
    ASSERT_EQ(1u, taskbar.Groups().size());
    EXPECT_EQ(2u, taskbar.Groups()[0]->WindowCount());
    EXPECT_EQ(taskbar.GroupForWindow(1), taskbar.GroupForWindow(2));
}

TEST(TaskbarGrouping, NeverModeGivesEachWindowItsOwnButton) {
    Taskbar taskbar(nullptr);
    TaskbarLayout layout;
    layout.grouping = GroupingMode::Never;
    ASSERT_EQ(shell::SH_OK, taskbar.ApplyLayout(layout));

    taskbar.OnWindowCreated(MakeWindow(1, L"C:\\Apps\\editor.exe"));
    taskbar.OnWindowCreated(MakeWindow(2, L"C:\\Apps\\editor.exe"));
    EXPECT_EQ(2u, taskbar.Groups().size());

    // Switching back regroups the running windows.
    layout.grouping = GroupingMode::Always;
    ASSERT_EQ(shell::SH_OK, taskbar.ApplyLayout(layout));
    ASSERT_EQ(1u, taskbar.Groups().size());
    EXPECT_EQ(2u, taskbar.Groups()[0]->WindowCount());
}

TEST(TaskbarGrouping, PinnedButtonSurvivesItsLastWindow) {
    Taskbar taskbar(nullptr);
    ASSERT_EQ(shell::SH_OK, taskbar.Pin(MakePin(L"Vendor.Editor", L"C:\\Apps\\editor.exe")));
    taskbar.OnWindowCreated(MakeWindow(7, L"C:\\Apps\\editor.exe"));
    ASSERT_EQ(1u, taskbar.Groups().size());

    taskbar.OnWindowDestroyed(7);
    ASSERT_EQ(1u, taskbar.Groups().size());
    EXPECT_TRUE(taskbar.Groups()[0]->IsPinned());
    EXPECT_EQ(0u, taskbar.OnButtonClicked(0));  // click launches the app
}

TEST(TaskbarGrouping, UnpinnedButtonGoesAwayWithItsLastWindow) {
    Taskbar taskbar(nullptr);
    taskbar.OnWindowCreated(MakeWindow(7, L"C:\\Apps\\editor.exe"));
    taskbar.OnWindowDestroyed(7);
    EXPECT_TRUE(taskbar.Groups().empty());
    EXPECT_EQ(nullptr, taskbar.GroupForWindow(7));
}

TEST(TaskbarGrouping, ClickingTheForegroundGroupCyclesItsWindows) {
    Taskbar taskbar(nullptr);
    taskbar.OnWindowCreated(MakeWindow(1, L"C:\\Apps\\editor.exe"));
    taskbar.OnWindowCreated(MakeWindow(2, L"C:\\Apps\\editor.exe"));
    taskbar.OnWindowActivated(1, 100);

    EXPECT_EQ(2u, taskbar.OnButtonClicked(0));
    taskbar.OnWindowActivated(2, 200);
    EXPECT_EQ(1u, taskbar.OnButtonClicked(0));
}

// SH-2291: closing the active window when it was the last one added left
// the group's active index past the end of its window list.
TEST(TaskbarGrouping, ClosingTheActiveWindowFallsBackToTheMostRecentSurvivor) {
    Taskbar taskbar(nullptr);
    for (WindowHandle handle : {1u, 2u, 3u}) {
        taskbar.OnWindowCreated(MakeWindow(handle, L"C:\\Apps\\editor.exe"));
    }
    taskbar.OnWindowActivated(2, 10);
    taskbar.OnWindowActivated(1, 20);
    taskbar.OnWindowActivated(3, 30);
    taskbar.OnWindowDestroyed(3);

    const TaskbarButtonGroup* group = taskbar.GroupForWindow(1);
    ASSERT_NE(nullptr, group);
    ASSERT_NE(nullptr, group->ActiveWindow());
    EXPECT_EQ(1u, group->ActiveWindow()->handle);
    EXPECT_EQ(1u, taskbar.OnButtonClicked(0));
}

TEST(TaskbarGrouping, ClosingAnEarlierWindowKeepsTheActiveOne) {
    TaskbarButtonGroup group(L"exe:c:\\apps\\editor.exe");
    for (WindowHandle handle : {1u, 2u, 3u}) {
        group.AddWindow(MakeWindow(handle, L"C:\\Apps\\editor.exe"));
    }
    ASSERT_TRUE(group.Activate(3, 30));

    ASSERT_TRUE(group.RemoveWindow(1));
    EXPECT_EQ(3u, group.ActiveWindow()->handle);
    ASSERT_TRUE(group.RemoveWindow(2));
    EXPECT_EQ(3u, group.ActiveWindow()->handle);
    ASSERT_TRUE(group.RemoveWindow(3));
    EXPECT_EQ(nullptr, group.ActiveWindow());
    EXPECT_EQ(nullptr, group.CycleToNextWindow());
}

TEST(TaskbarGrouping, PinnedButtonsComeFirstInLayoutOrder) {
    Taskbar taskbar(nullptr);
    taskbar.OnWindowCreated(MakeWindow(1, L"C:\\Apps\\running.exe"));

    TaskbarLayout layout;
    layout.pinned = {MakePin(L"Vendor.B", L"C:\\Apps\\b.exe"), MakePin(L"Vendor.A", L"C:\\Apps\\a.exe")};
    ASSERT_EQ(shell::SH_OK, taskbar.ApplyLayout(layout));

    ASSERT_EQ(3u, taskbar.Groups().size());
    EXPECT_EQ(L"Vendor.B", taskbar.Groups()[0]->Pinned()->appId);
    EXPECT_EQ(L"Vendor.A", taskbar.Groups()[1]->Pinned()->appId);
    EXPECT_FALSE(taskbar.Groups()[2]->IsPinned());

    ASSERT_EQ(shell::SH_OK, taskbar.Unpin(L"Vendor.B"));
    EXPECT_EQ(2u, taskbar.Groups().size());
    EXPECT_EQ(shell::SH_E_NOTFOUND, taskbar.Unpin(L"Vendor.B"));
}

TEST(TaskbarGrouping, FlashingIsReportedPerGroupAndClearedByActivation) {
    RecordingView view;
    Taskbar taskbar(&view);
    taskbar.OnWindowCreated(MakeWindow(1, L"C:\\Apps\\chat.exe"));
    taskbar.OnWindowCreated(MakeWindow(2, L"C:\\Apps\\chat.exe"));

    taskbar.OnWindowFlashing(2, true);
    EXPECT_TRUE(view.lastFlashing);
    taskbar.OnWindowFlashing(1, true);
    EXPECT_EQ(1, view.flashChanges);  // group was already flashing

    taskbar.OnWindowActivated(1, 10);
    taskbar.OnWindowActivated(2, 20);
    EXPECT_FALSE(view.lastFlashing);
    EXPECT_EQ(2, view.flashChanges);
}
