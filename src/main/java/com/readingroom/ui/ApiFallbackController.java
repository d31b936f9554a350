package com.readingroom.ui;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any {@code /api/**} path that no endpoint serves with a plain 404 problem, so that a tool never receives
 * the browser application's HTML page instead.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> noSuchEndpoint() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "There is no such API endpoint. See the API documentation for the paths served.");
        problem.setTitle("No such endpoint");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
