/** What the product's clients call: the projects resource and how a billing refusal reads in HTTP. */
package com.example.projects.boundary;
