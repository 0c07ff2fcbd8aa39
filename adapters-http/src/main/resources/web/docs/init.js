// Not inline, so that the Content-Security-Policy can refuse every inline script. The token Swagger UI is given
// stays in this page's memory: persistAuthorization would keep it in localStorage, where any script of the origin
// reads it long after the tab is closed.
window.ui = SwaggerUIBundle({ url: "/openapi", dom_id: "#swagger-ui", persistAuthorization: false });
