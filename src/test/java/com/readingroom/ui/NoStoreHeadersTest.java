package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class NoStoreHeadersTest {

    @Test
    void aPageOrAUidlResponseIsNeverStoredEvenIfTheAppTriesToCacheIt() throws Exception {
        for (String uri : new String[] {"/file/windows-kernel", "/", "/VAADIN/push", "/api/v1/repos"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                @Override
                protected void service(
                        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                    res.setHeader("Cache-Control", "public, max-age=31536000");
                    res.setHeader("ETag", "\"abc\"");
                }
            });

            new NoStoreHeaders.Filter().doFilter(request, response, chain);

            assertThat(response.getHeader("Cache-Control")).as(uri).isEqualTo(NoStoreHeaders.NO_STORE);
            assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
            assertThat(response.getHeader("ETag")).isNull();
        }
    }

    @Test
    void staticAssetsMayBeCached() {
        assertThat(NoStoreHeaders.isStaticAsset("/VAADIN/build/bundle.js")).isTrue();
        assertThat(NoStoreHeaders.isStaticAsset("/webjars/highlightjs/11.10.0/highlight.min.js"))
                .isTrue();
        assertThat(NoStoreHeaders.isStaticAsset("/VAADIN/push")).isFalse();
        assertThat(NoStoreHeaders.isStaticAsset("/file/windows-kernel")).isFalse();
    }
}
