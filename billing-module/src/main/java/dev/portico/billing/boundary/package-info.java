/** What the web layer calls: portal sessions and the billing status of a workspace. */
package dev.portico.billing.boundary;
