package com.readingroom.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell. Lumo is loaded as a plain stylesheet: no frontend build is possible here (see STACK.md). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/reading-room.css")
public class ReadingRoomShell implements AppShellConfigurator {}
