package org.handoff.plumbing.testing;

import io.quarkus.test.junit.QuarkusTest;

/** The library's own test application offers what every service must. */
@QuarkusTest
class LibraryFoundationTest extends ServiceFoundationTest {
}
