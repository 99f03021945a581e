/** The product's JPA entities: projects, and the record of each archival billing caused. */
package com.example.projects.entity;
