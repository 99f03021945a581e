/** What cancellations tell the business, for Portico's operators: the churn insights' API. */
package dev.portico.web.insights;
