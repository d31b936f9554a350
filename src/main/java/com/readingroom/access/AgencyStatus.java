package com.readingroom.access;

public enum AgencyStatus {
    ACTIVE,
    INACTIVE
}
